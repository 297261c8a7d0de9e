using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IessClave.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Change = table.Column<int>(type: "integer", nullable: false),
                    Cause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lockout_ledger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_rooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_rooms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unlock_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    TicketId = table.Column<long>(type: "bigint", nullable: true),
                    ReasonCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    OneTimeCodeProtected = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AffiliateJoinUrlProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AgentJoinUrlProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MeetingKind = table.Column<int>(type: "integer", nullable: true),
                    MeetingExternalId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MeetingFallbackReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PendingEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    ApprovalRequestedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unlock_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "room_join_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
