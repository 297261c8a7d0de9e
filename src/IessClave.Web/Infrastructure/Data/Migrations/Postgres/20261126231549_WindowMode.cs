using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IessClave.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WindowMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HeldAt",
                table: "unlock_cases",
                type: "timestamp with time zone",
                nullable: true);

            // Checks made before this migration were all made on video calls (CaseChannel.VideoQueue = 1).
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "case_checks",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "unlock_cases");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "case_checks");
        }
    }
}
