using IessClave.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IessClave.Web.Infrastructure.Data;

internal sealed class AffiliateRecordConfiguration : IEntityTypeConfiguration<AffiliateRecord>
{
    public void Configure(EntityTypeBuilder<AffiliateRecord> b)
    {
        b.ToTable("affiliates");
        b.HasIndex(x => x.Identification).IsUnique();
        b.Property(x => x.Identification).HasMaxLength(20);
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.DocumentSerial).HasMaxLength(20);
    }
}

internal sealed class ClaveAccountConfiguration : IEntityTypeConfiguration<ClaveAccount>
{
    public void Configure(EntityTypeBuilder<ClaveAccount> b)
    {
        b.ToTable("clave_accounts");
        b.HasOne(x => x.Affiliate).WithMany().HasForeignKey(x => x.AffiliateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AffiliateId).IsUnique();
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.Property(x => x.SecurityAnswerHash).HasMaxLength(200);
        b.Property(x => x.MobilePhone).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Culture).HasMaxLength(10);
        b.Ignore(x => x.IsLocked);
    }
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> b)
    {
        b.ToTable("account_tokens");
        b.HasOne(x => x.Account).WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.Purpose });
        b.Property(x => x.TokenHash).HasMaxLength(32);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.ToTable("outgoing_mails");
        b.HasIndex(x => x.MessageId).IsUnique();
        b.HasIndex(x => x.SentAt);
        b.Property(x => x.MessageId).HasMaxLength(200);
        b.Property(x => x.TemplateName).HasMaxLength(100);
        b.Property(x => x.Culture).HasMaxLength(10);
        b.Property(x => x.ToAddress).HasMaxLength(254);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(1000);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.AccountId);
        // The supervisors' audit page: one agent's events, or one case's, newest first.
        b.HasIndex(x => new { x.ActorId, x.Id });
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.ActorType).HasMaxLength(20);
        b.Property(x => x.ActorId).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.Detail).HasMaxLength(1000);
    }
}

internal sealed class AgentAccountConfiguration : IEntityTypeConfiguration<AgentAccount>
{
    public void Configure(EntityTypeBuilder<AgentAccount> b)
    {
        b.ToTable("agent_accounts");
        b.HasIndex(x => x.UserName).IsUnique();
        b.Property(x => x.UserName).HasMaxLength(50);
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.Property(x => x.TotpSecretProtected).HasMaxLength(1000);
        b.Ignore(x => x.IsLocked);
        b.Ignore(x => x.IsEnrolled);
    }
}

internal sealed class AgentRecoveryCodeConfiguration : IEntityTypeConfiguration<AgentRecoveryCode>
{
    public void Configure(EntityTypeBuilder<AgentRecoveryCode> b)
    {
        b.ToTable("agent_recovery_codes");
        b.HasOne<AgentAccount>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AgentId);
        b.Property(x => x.CodeHash).HasMaxLength(200);
    }
}

internal sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> b)
    {
        b.ToTable("queue_tickets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.HasIndex(x => new { x.Status, x.Lane, x.Id });
        // Claim next (ClaimNextTicket): claimable tickets only, in the claim's order (priority lane first, then by
        // number), so the head is the first entry and a claim does not sort the whole line.
        b.HasIndex(x => new { x.Lane, x.Id }).IsDescending(true, false)
            .HasFilter("\"Status\" = 1 AND \"DisconnectedAt\" IS NULL").HasDatabaseName("ix_queue_tickets_claim_head");
        // One active ticket per account, enforced by the database (statuses 1–3: waiting, called, in service).
        b.HasIndex(x => x.AccountId).IsUnique().HasFilter("\"Status\" IN (1, 2, 3)").HasDatabaseName("ux_queue_tickets_active_account");
        b.HasIndex(x => x.AgentId);
    }
}

internal sealed class QueueEventConfiguration : IEntityTypeConfiguration<QueueEvent>
{
    public void Configure(EntityTypeBuilder<QueueEvent> b)
    {
        b.ToTable("queue_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
    }
}

internal sealed class UnlockCaseConfiguration : IEntityTypeConfiguration<UnlockCase>
{
    public void Configure(EntityTypeBuilder<UnlockCase> b)
    {
        b.ToTable("unlock_cases");
        b.HasIndex(x => new { x.AccountId, x.Status });
        b.HasIndex(x => x.TicketId);
        // One open case per account, enforced by the database (statuses 1–2: open, awaiting approval).
        b.HasIndex(x => x.AccountId).IsUnique().HasFilter("\"Status\" IN (1, 2)").HasDatabaseName("ux_unlock_cases_open_account");
        b.Property(x => x.ReasonCode).HasMaxLength(50);
        b.Property(x => x.OneTimeCodeProtected).HasMaxLength(500);
        b.Property(x => x.AffiliateJoinUrlProtected).HasMaxLength(2000);
        b.Property(x => x.AgentJoinUrlProtected).HasMaxLength(2000);
        b.Property(x => x.MeetingExternalId).HasMaxLength(500);
        b.Property(x => x.MeetingFallbackReason).HasMaxLength(500);
        b.Property(x => x.PendingEmail).HasMaxLength(254);
    }
}

internal sealed class CaseCheckConfiguration : IEntityTypeConfiguration<CaseCheck>
{
    public void Configure(EntityTypeBuilder<CaseCheck> b)
    {
        b.ToTable("case_checks");
        b.HasIndex(x => x.CaseId);
        b.HasOne<UnlockCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LockoutEntryConfiguration : IEntityTypeConfiguration<LockoutEntry>
{
    public void Configure(EntityTypeBuilder<LockoutEntry> b)
    {
        b.ToTable("lockout_ledger");
        b.HasIndex(x => x.AccountId);
        b.Property(x => x.Cause).HasMaxLength(100);
    }
}

internal sealed class SelfServiceCounterConfiguration : IEntityTypeConfiguration<SelfServiceCounter>
{
    public void Configure(EntityTypeBuilder<SelfServiceCounter> b)
    {
        b.ToTable("self_service_counters");
        b.HasKey(x => x.IdentificationHash);
        b.Property(x => x.IdentificationHash).HasMaxLength(32);
    }
}
