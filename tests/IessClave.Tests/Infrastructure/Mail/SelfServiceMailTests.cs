using IessClave.Web.Features.Unlock.Virtual;
using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Tests.Infrastructure.Mail;

public sealed class SelfServiceMailTests
{
    private static readonly MailTemplateRenderer Renderer = new();

    [Fact]
    public void TemplatesOnDisk_IncludeTheSelfServiceMailsInBothCultures()
    {
        var found = MailSamples.TemplatesOnDisk().Select(row => $"{row[0]}/{row[1]}").ToHashSet();

        foreach (var name in new[] { "VirtualUnlockLink", "RecoveryLink", "ClaveChanged" })
        {
            Assert.Contains($"es/{name}", found);
            Assert.Contains($"en/{name}", found);
        }
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public void Render_WhenNameAndLinkHaveMarkup_EscapesHtmlAndKeepsTextVerbatim(string culture)
    {
        const string name = "<script>alert(1)</script>";
        const string link = "https://clave.iess.local/a?x=\"&y=<b>";
        var models = new IMailModel[]
        {
            new VirtualUnlockLinkMail(name, link, MailSamples.Moment, 15),
            new RecoveryLinkMail(name, link, MailSamples.Moment, 15),
            new ClaveChangedMail(name, MailSamples.Moment, Unlocked: false, link),
        };

        foreach (var model in models)
        {
            var mail = Renderer.Render(model, culture);

            Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("href=\"https://clave.iess.local/a?x=&quot;&amp;y=&lt;b&gt;\"", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains(name, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_LinkMails_StateValidityAndSingleUseInSpanish()
    {
        var unlock = Renderer.Render(new VirtualUnlockLinkMail("Ana Loor", "https://x.test/desbloquear/virtual/enlace?t=a", MailSamples.Moment, 15), "es-EC");
        var recovery = Renderer.Render(new RecoveryLinkMail("Ana Loor", "https://x.test/clave/recuperar/enlace?t=a", MailSamples.Moment, 15), "es");

        Assert.Equal("Desbloquee su clave del IESS", unlock.Subject);
        Assert.Equal("Recupere su clave del IESS", recovery.Subject);
        foreach (var mail in new[] { unlock, recovery })
        {
            Assert.Contains("válido por 15 minutos", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("una sola vez", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("vence el 15/03/2025 10:30", mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Render_ClaveChanged_SaysUnlockedOnlyWhenItWas(bool unlocked)
    {
        var mail = Renderer.Render(new ClaveChangedMail("Ana Loor", MailSamples.Moment, unlocked, "https://x.test/desbloquear"), "es");

        Assert.Equal("Su clave del IESS fue cambiada", mail.Subject);
        Assert.Contains("fue cambiada el 15/03/2025 10:30", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(unlocked, mail.TextBody.Contains("quedó desbloqueada", StringComparison.Ordinal));
        Assert.Equal(unlocked, mail.HtmlBody.Contains("quedó desbloqueada", StringComparison.Ordinal));
        Assert.Contains("Si usted no hizo este cambio", mail.TextBody, StringComparison.Ordinal);
    }
}
