using IessClave.Web.Infrastructure.Mail;

namespace IessClave.Tests.Infrastructure.Mail;

/// <summary>Templates written to a temporary folder prove strict mode and the error messages.</summary>
public sealed class MailTemplateRendererFailureTests : IDisposable
{
    private const string GoodText = "+++\nsubject = \"Prueba\"\n+++\nHola {{ full_name }}\n";
    private const string GoodHtml = "<p>{{ full_name | html.escape }}</p>";

    private readonly string root = Path.Combine(Path.GetTempPath(), "iessclave-mail-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Render_WhenTemplateReferencesMissingVariable_ThrowsNamingTemplateAndCulture()
    {
        Write("es", "Probe", GoodText, "<p>{{ full_name | html.escape }} {{ no_such_variable }}</p>");

        var ex = Assert.Throws<MailTemplateException>(() => new MailTemplateRenderer(root).Render(new ProbeMail("Ana"), "es"));

        Assert.Equal("Probe", ex.TemplateName);
        Assert.Equal("es", ex.Culture);
        Assert.Contains("Probe.html.sbn", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_variable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenTemplateReadsMemberOfString_Throws()
    {
        Write("es", "Probe", GoodText, "<p>{{ full_name.first }}</p>");

        Assert.Throws<MailTemplateException>(() => new MailTemplateRenderer(root).Render(new ProbeMail("Ana"), "es"));
    }

    [Fact]
    public void Render_WhenTemplateDoesNotParse_ThrowsNamingTemplateAndCulture()
    {
        Write("en", "Probe", GoodText, "<p>{{ if }}</p>");
        Write("es", "Probe", GoodText, GoodHtml);

        var ex = Assert.Throws<MailTemplateException>(() => new MailTemplateRenderer(root).Render(new ProbeMail("Ana"), "en"));

        Assert.Equal("en", ex.Culture);
        Assert.Contains("Probe.html.sbn does not parse", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenTemplateMissing_ThrowsNamingTemplateAndCulture()
    {
        Directory.CreateDirectory(Path.Combine(root, "es"));

        var ex = Assert.Throws<MailTemplateException>(() => new MailTemplateRenderer(root).Render(new ProbeMail("Ana"), "en"));

        Assert.Equal("Probe", ex.TemplateName);
        Assert.Equal("es", ex.Culture);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenEnglishTemplateMissing_FallsBackToSpanish()
    {
        Write("es", "Probe", GoodText, GoodHtml);

        var mail = new MailTemplateRenderer(root).Render(new ProbeMail("Ana"), "en");

        Assert.Equal(new RenderedMail("Prueba", "<p>Ana</p>", "Hola Ana\n"), mail);
    }

    [Fact]
    public void Render_AfterTemplateFileChanges_KeepsTheCopyParsedOnce()
    {
        Write("es", "Probe", GoodText, GoodHtml);
        var renderer = new MailTemplateRenderer(root);
        var first = renderer.Render(new ProbeMail("Ana"), "es");

        Write("es", "Probe", "+++\nsubject = \"Otro\"\n+++\nAdiós", "<p>cambiado</p>");

        Assert.Equal(first, renderer.Render(new ProbeMail("Ana"), "es"));
        Assert.Equal("Otro", new MailTemplateRenderer(root).Render(new ProbeMail("Ana"), "es").Subject);
    }

    [Theory]
    [InlineData("+++\nsubject = \"Hola \" + full_name\n+++\nx")]
    [InlineData("Sin front matter {{ full_name }}")]
    [InlineData("+++\ntitle = \"x\"\n+++\nx")]
    public void Render_WhenSubjectMissingOrUsesModel_Throws(string text)
    {
        Write("es", "Probe", text, GoodHtml);

        var ex = Assert.Throws<MailTemplateException>(() => new MailTemplateRenderer(root).Render(new ProbeMail("Ana"), "es"));

        Assert.Contains("Probe.txt.sbn", ex.Message, StringComparison.Ordinal);
    }

    private void Write(string culture, string name, string text, string html)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, culture)).FullName;
        File.WriteAllText(Path.Combine(folder, name + MailTemplateRenderer.TextExtension), text);
        File.WriteAllText(Path.Combine(folder, name + MailTemplateRenderer.HtmlExtension), html);
    }

    private sealed record ProbeMail(string FullName) : IMailModel
    {
        public string TemplateName => "Probe";
    }
}
