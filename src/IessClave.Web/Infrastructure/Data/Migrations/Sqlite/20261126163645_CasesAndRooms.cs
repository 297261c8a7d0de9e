using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IessClave.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CasesAndRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lockout_ledger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Change = table.Column<int>(type: "INTEGER", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lockout_ledger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_rooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_rooms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unlock_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OneTimeCodeProtected = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AffiliateJoinUrlProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AgentJoinUrlProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MeetingKind = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingExternalId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MeetingFallbackReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PendingEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ApprovalRequestedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unlock_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "room_join_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_room_join_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_room_join_tokens_meeting_rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "meeting_rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_checks_unlock_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "unlock_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_checks_CaseId",
                table: "case_checks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_lockout_ledger_AccountId",
                table: "lockout_ledger",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_room_join_tokens_RoomId_Role",
                table: "room_join_tokens",
                columns: new[] { "RoomId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_room_join_tokens_TokenHash",
                table: "room_join_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unlock_cases_AccountId_Status",
                table: "unlock_cases",
                columns: new[] { "AccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_unlock_cases_TicketId",
                table: "unlock_cases",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "ux_unlock_cases_open_account",
                table: "unlock_cases",
                column: "AccountId",
                unique: true,
                filter: "\"Status\" IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_checks");

            migrationBuilder.DropTable(
                name: "lockout_ledger");

            migrationBuilder.DropTable(
                name: "room_join_tokens");

            migrationBuilder.DropTable(
                name: "unlock_cases");

            migrationBuilder.DropTable(
                name: "meeting_rooms");
        }
    }
}
