using IessClave.Web.Domain;
using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace IessClave.Web.Infrastructure.Mail;

/// <summary>
/// Renders a mail model with <c>{root}/{culture}/{Name}.html.sbn</c> and <c>{Name}.txt.sbn</c>.
/// Each file is parsed once and cached; rendering uses strict variables, so a template that names a
/// variable the model does not have fails loudly. The subject is the <c>subject</c> variable assigned in the
/// front matter of the <c>.txt.sbn</c> file, evaluated without the model, so it cannot contain user data.
/// Attachments of an <see cref="IMailWithAttachments"/> model are built here too, at send time.
/// </summary>
public sealed class MailTemplateRenderer
{
    public const string DefaultCulture = "es";
    public const string HtmlExtension = ".html.sbn";
    public const string TextExtension = ".txt.sbn";

    private static readonly string[] SupportedCultures = [DefaultCulture, "en"];

    private readonly ConcurrentDictionary<string, Lazy<MailTemplateFile?>> cache = new(StringComparer.Ordinal);

    private readonly TimeProvider time;

    /// <param name="templateRoot">Folder holding one subfolder per culture; default <see cref="DefaultTemplateRoot"/>.</param>
    /// <param name="time">The clock handed to <see cref="IMailWithAttachments.Attachments"/>; default the system clock.</param>
    public MailTemplateRenderer(string? templateRoot = null, TimeProvider? time = null)
    {
        TemplateRoot = templateRoot ?? DefaultTemplateRoot;
        this.time = time ?? TimeProvider.System;
    }

    public static string DefaultTemplateRoot => Path.Combine(AppContext.BaseDirectory, "templates", "mail");

    public string TemplateRoot { get; }

    /// <summary>Renders <paramref name="model"/> in <paramref name="culture"/> ("es", "en", "es-EC"...; else es).</summary>
    public RenderedMail Render(IMailModel model, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.TemplateName;
        if (string.IsNullOrEmpty(name) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new MailTemplateException(name ?? "", culture ?? "", "a template name is ASCII letters and digits only.");
        }

        var lang = ResolveCulture(name, culture);
        var text = Get(lang, name, TextExtension) ?? throw Missing(name, lang, TextExtension);
        var html = Get(lang, name, HtmlExtension) ?? throw Missing(name, lang, HtmlExtension);
        var subject = text.Subject
            ?? throw new MailTemplateException(name, lang, $"{name}{TextExtension} must set 'subject' in its +++ front matter.");

        return new RenderedMail(
            subject,
            Run(html, model, subject, name, lang, HtmlExtension),
            Run(text, model, subject, name, lang, TextExtension),
            model is IMailWithAttachments files ? files.Attachments(time.GetUtcNow()) : []);
    }

    private string ResolveCulture(string name, string? culture)
    {
        var lang = culture?.Split('-', '_')[0].ToLowerInvariant();
        var known = SupportedCultures.FirstOrDefault(c => c == lang);
        return known is not null && Get(known, name, HtmlExtension) is not null && Get(known, name, TextExtension) is not null
            ? known
            : DefaultCulture;
    }

    private MailTemplateFile? Get(string culture, string name, string extension) =>
        cache.GetOrAdd(
            $"{culture}/{name}{extension}",
            _ => new Lazy<MailTemplateFile?>(() => Load(culture, name, extension))).Value;

    private MailTemplateFile? Load(string culture, string name, string extension)
    {
        var path = Path.Combine(TemplateRoot, culture, name + extension);
        if (!File.Exists(path))
        {
            return null;
        }

        var isText = extension == TextExtension;
        var lexer = new LexerOptions { Mode = isText ? ScriptMode.FrontMatterAndContent : ScriptMode.Default };
        var template = Template.Parse(File.ReadAllText(path), path, lexerOptions: lexer);
        if (template.HasErrors)
        {
            throw new MailTemplateException(name, culture, $"{name}{extension} does not parse: {string.Join("; ", template.Messages)}");
        }

        return new MailTemplateFile(template, isText ? EvaluateSubject(template, name, culture) : null);
    }

    private static string? EvaluateSubject(Template template, string name, string culture)
    {
        if (template.Page?.FrontMatter is not { } frontMatter)
        {
            return null;
        }

        var context = NewContext();
        var variables = new ScriptObject();
        context.PushGlobal(variables);
        try
        {
            context.Evaluate(frontMatter);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MailTemplateException(name, culture, $"the front matter of {name}{TextExtension} failed: {ex.Message}", ex);
        }

        var subject = (variables.TryGetValue("subject", out var value) ? value as string : null)?.Trim();
        return string.IsNullOrEmpty(subject) || subject.Any(char.IsControl) ? null : subject;
    }

    private static string Run(MailTemplateFile file, IMailModel model, string subject, string name, string culture, string extension)
    {
        var context = NewContext();
        context.PushGlobal(BuildGlobals(model, subject));
        try
        {
            return file.Template.Render(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MailTemplateException(name, culture, $"{name}{extension} failed to render: {ex.Message}", ex);
        }
    }

    private static ScriptObject BuildGlobals(IMailModel model, string subject)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        foreach (var key in globals.Keys.ToList())
        {
            if (globals[key] is DateTimeOffset moment)
            {
                globals[key] = EcuadorTime.Format(moment);
            }
        }

        globals["subject"] = subject;
        return globals;
    }

    private static TemplateContext NewContext() => new()
    {
        StrictVariables = true,
        EnableRelaxedMemberAccess = false,
        MemberRenamer = StandardMemberRenamer.Default,
    };

    private MailTemplateException Missing(string name, string culture, string extension) =>
        new(name, culture, $"file not found: {Path.Combine(TemplateRoot, culture, name + extension)}");

    private sealed record MailTemplateFile(Template Template, string? Subject);
}
