using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Tests.Infrastructure.Mail;

public sealed class MailTemplateRendererTests
{
    private static readonly MailTemplateRenderer Renderer = new();

    public static TheoryData<string, string> Templates => MailSamples.TemplatesOnDisk();

    [Fact]
    public void TemplatesOnDisk_CoverBothCulturesAndBothMails()
    {
        var found = MailSamples.TemplatesOnDisk().Select(row => $"{row[0]}/{row[1]}").ToList();

        Assert.Superset(new HashSet<string> { "es/Activation", "es/LockoutNotice", "es/NewClave", "en/Activation", "en/LockoutNotice", "en/NewClave" }, found.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Render_EveryTemplateWithSampleData_SucceedsInStrictMode(string culture, string templateName)
    {
        Assert.True(MailSamples.ByTemplateName.TryGetValue(templateName, out var model), $"Add a sample model for '{templateName}' to MailSamples.");
        Assert.True(File.Exists(Path.Combine(MailSamples.TemplateRoot, culture, templateName + MailTemplateRenderer.TextExtension)));

        var mail = Renderer.Render(model, culture);

        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.Contains($"<html lang=\"{culture}\">", mail.HtmlBody, StringComparison.Ordinal);
        // html.escape also encodes accented letters (está → est&#225;): compare what a browser shows.
        var title = System.Text.RegularExpressions.Regex.Match(mail.HtmlBody, "<title>(.*?)</title>").Groups[1].Value;
        Assert.Equal(mail.Subject, System.Net.WebUtility.HtmlDecode(title));
        Assert.DoesNotContain("{{", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("+++", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("15/03/2025 10:30", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenNameHasScriptTag_EscapesHtml()
    {
        const string name = "<script>alert(1)</script>";

        foreach (var model in new IMailModel[] { MailSamples.Activation(name), MailSamples.LockoutNotice(name) })
        {
            var mail = Renderer.Render(model, "es");

            Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains(name, mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_WhenLinkHasQuotesAndMarkup_EscapesHtmlAndKeepsTextVerbatim()
    {
        const string link = "https://clave.iess.local/a?x=\"&y=<b>";

        var activation = Renderer.Render(MailSamples.Activation(link: link), "es");
        var lockout = Renderer.Render(MailSamples.LockoutNotice(virtualLink: link), "en");

        foreach (var mail in new[] { activation, lockout })
        {
            Assert.Contains("href=\"https://clave.iess.local/a?x=&quot;&amp;y=&lt;b&gt;\"", mail.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain(link, mail.HtmlBody, StringComparison.Ordinal);
            Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_Activation_StatesValidityOnceAndIgnoreInSpanish()
    {
        var mail = Renderer.Render(MailSamples.Activation(), "es-EC");

        Assert.Equal("Active su clave del IESS", mail.Subject);
        Assert.Contains("válido por 15 minutos", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("una sola vez", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("ignore este mensaje", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("vence el 15/03/2025 10:30", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Estimado(a) María José Pérez:", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LockoutNotice_NamesTheThreeWaysToUnlock()
    {
        var model = MailSamples.LockoutNotice();

        var mail = Renderer.Render(model, "es");

        Assert.Equal("Su clave del IESS fue bloqueada", mail.Subject);
        foreach (var expected in new[] { "Desbloqueo virtual", "Videollamada", "presencial", "ventanilla" })
        {
            Assert.Contains(expected, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains(expected, mail.HtmlBody, StringComparison.Ordinal);
        }

        foreach (var link in new[] { model.UnlockVirtualLink, model.UnlockVideoLink, model.InPersonInfoLink })
        {
            Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_WhenCultureIsEnglish_DiffersFromSpanish()
    {
        var es = Renderer.Render(MailSamples.Activation(), "es");
        var en = Renderer.Render(MailSamples.Activation(), "en-US");

        Assert.Equal("Activate your IESS clave", en.Subject);
        Assert.NotEqual(es.Subject, en.Subject);
        Assert.NotEqual(es.TextBody, en.TextBody);
        Assert.Contains("<html lang=\"en\">", en.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("valid for 15 minutes", en.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("../en")]
    public void Render_WhenCultureUnknown_FallsBackToSpanish(string? culture)
    {
        var expected = Renderer.Render(MailSamples.LockoutNotice(), "es");

        var mail = Renderer.Render(MailSamples.LockoutNotice(), culture);

        Assert.Equal(expected, mail);
    }
}
