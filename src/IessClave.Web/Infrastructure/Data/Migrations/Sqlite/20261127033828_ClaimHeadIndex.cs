using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IessClave.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimHeadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_claim_head",
                table: "queue_tickets",
                columns: new[] { "Lane", "Id" },
                descending: new[] { true, false },
                filter: "\"Status\" = 1 AND \"DisconnectedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_queue_tickets_claim_head",
                table: "queue_tickets");
        }
    }
}
