using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobWise.ApiService.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AccountDeletions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_deletions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    step = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    available_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_deletions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_deletions_available_at",
                table: "account_deletions",
                column: "available_at",
                filter: "completed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_account_deletions_completed_at",
                table: "account_deletions",
                column: "completed_at");

            migrationBuilder.CreateIndex(
                name: "ix_account_deletions_user_id",
                table: "account_deletions",
                column: "user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_deletions");
        }
    }
}
