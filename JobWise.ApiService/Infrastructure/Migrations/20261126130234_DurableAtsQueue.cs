using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobWise.ApiService.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DurableAtsQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pending_ats_reports",
                columns: table => new
                {
                    export_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    available_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_ats_reports", x => x.export_id);
                    table.ForeignKey(
                        name: "fk_pending_ats_reports_exports_export_id",
                        column: x => x.export_id,
                        principalTable: "exports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pending_ats_reports_available_at",
                table: "pending_ats_reports",
                column: "available_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_ats_reports");
        }
    }
}
