using IessClave.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IessClave.Web.Infrastructure.Data;

internal sealed class CallBookingConfiguration : IEntityTypeConfiguration<CallBooking>
{
    public void Configure(EntityTypeBuilder<CallBooking> b)
    {
        b.ToTable("call_bookings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<ClaveAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        // One active booking per account, enforced by the database (statuses 1–2: booked, in queue).
        b.HasIndex(x => x.AccountId).IsUnique().HasFilter("\"Status\" IN (1, 2)").HasDatabaseName("ux_call_bookings_active_account");
        b.HasIndex(x => x.ManageTokenHash).IsUnique();
        b.HasIndex(x => new { x.Status, x.StartsAt });
        b.HasIndex(x => x.TicketId);
        b.Property(x => x.ManageTokenHash).HasMaxLength(32);
        b.Property(x => x.ManageTokenProtected).HasMaxLength(1000);
        b.Property(x => x.MeetingExternalId).HasMaxLength(500);
        b.Property(x => x.JoinUrlProtected).HasMaxLength(2000);
        b.Property(x => x.AgencyId).HasMaxLength(60);
    }
}

internal sealed class BookingSlotConfiguration : IEntityTypeConfiguration<BookingSlot>
{
    public void Configure(EntityTypeBuilder<BookingSlot> b)
    {
        b.ToTable("booking_slots");
        b.HasKey(x => new { x.Resource, x.SlotKey });
        b.Property(x => x.Resource).HasMaxLength(80);
        b.Property(x => x.SlotKey).ValueGeneratedNever();
    }
}
