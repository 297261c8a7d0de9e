using IessClave.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Web.Infrastructure.Data;

/// <summary>
/// The one model of the app. Each database provider has its own subclass so that each keeps its own set of
/// migrations (PostgreSQL in production, SQLite in the embedded default).
/// </summary>
public abstract class IessClaveDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<AffiliateRecord> Affiliates => Set<AffiliateRecord>();
    public DbSet<ClaveAccount> Accounts => Set<ClaveAccount>();
    public DbSet<AccountToken> Tokens => Set<AccountToken>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AgentAccount> Agents => Set<AgentAccount>();
    public DbSet<AgentRecoveryCode> AgentRecoveryCodes => Set<AgentRecoveryCode>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<QueueTicket> QueueTickets => Set<QueueTicket>();
    public DbSet<QueueEvent> QueueEvents => Set<QueueEvent>();
    public DbSet<UnlockCase> Cases => Set<UnlockCase>();
    public DbSet<CaseCheck> CaseChecks => Set<CaseCheck>();
    public DbSet<LockoutEntry> LockoutLedger => Set<LockoutEntry>();
    public DbSet<MeetingRoom> MeetingRooms => Set<MeetingRoom>();
    public DbSet<RoomJoinToken> RoomJoinTokens => Set<RoomJoinToken>();
    public DbSet<CallBooking> Bookings => Set<CallBooking>();
    public DbSet<BookingSlot> BookingSlots => Set<BookingSlot>();
    public DbSet<SelfServiceCounter> SelfServiceCounters => Set<SelfServiceCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IessClaveDbContext).Assembly);
}

public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : IessClaveDbContext(options);

public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : IessClaveDbContext(options)
{
    // SQLite has no native DateTimeOffset; the binary form keeps ordering and comparisons in SQL working.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
