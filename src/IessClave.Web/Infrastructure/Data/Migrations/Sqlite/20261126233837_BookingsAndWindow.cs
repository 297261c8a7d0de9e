using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IessClave.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BookingsAndWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HeldAt",
                table: "unlock_cases",
                type: "INTEGER",
                nullable: true);

            // Checks made before this migration were all made on video calls (CaseChannel.VideoQueue = 1).
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "case_checks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "booking_slots",
                columns: table => new
                {
                    Resource = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SlotKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_booking_slots", x => new { x.Resource, x.SlotKey });
                });

            migrationBuilder.CreateTable(
                name: "call_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ManageTokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ManageTokenProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    RemindersSent = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingKind = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingExternalId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MeetingRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinUrlProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
