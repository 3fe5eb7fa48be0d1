using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobWise.ApiService.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class GenerationMatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "match",
                table: "generations",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "match",
                table: "generations");
        }
    }
}
