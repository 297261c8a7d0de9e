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
