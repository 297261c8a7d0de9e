using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IessClave.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BookingsAndWindow : Migration
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

            migrationBuilder.CreateTable(
                name: "booking_slots",
                columns: table => new
                {
                    Resource = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SlotKey = table.Column<long>(type: "bigint", nullable: false),
                    Booked = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_booking_slots", x => new { x.Resource, x.SlotKey });
                });

            migrationBuilder.CreateTable(
                name: "call_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SettledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ManageTokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    ManageTokenProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TicketId = table.Column<long>(type: "bigint", nullable: true),
                    ConfirmedSequence = table.Column<int>(type: "integer", nullable: true),
                    RemindersSent = table.Column<int>(type: "integer", nullable: false),
                    MeetingKind = table.Column<int>(type: "integer", nullable: true),
                    MeetingExternalId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MeetingRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    JoinUrlProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_call_bookings_clave_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "clave_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_call_bookings_ManageTokenHash",
                table: "call_bookings",
                column: "ManageTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_call_bookings_Status_StartsAt",
                table: "call_bookings",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_bookings_TicketId",
                table: "call_bookings",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "ux_call_bookings_active_account",
                table: "call_bookings",
                column: "AccountId",
                unique: true,
                filter: "\"Status\" IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_slots");

            migrationBuilder.DropTable(
                name: "call_bookings");

            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "unlock_cases");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "case_checks");
        }
    }
}
