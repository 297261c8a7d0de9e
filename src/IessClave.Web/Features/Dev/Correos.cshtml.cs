using System.Text.RegularExpressions;
using IessClave.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IessClave.Web.Features.Dev;

/// <summary>
/// /dev/correos: the local outbox of the embedded default, so a newcomer can click the activation link.
/// It answers 404 unless Site:ShowDevOutbox is on and mail goes to the outbox (never in production).
/// </summary>
public sealed partial class CorreosModel(OutboxMailSender outbox, IOptions<SiteOptions> site, IOptions<MailOptions> mail) : PageModel
{
    public IReadOnlyList<OutboxEntry> Entries { get; private set; } = [];
    public OutboxEntry? Selected { get; private set; }

    public IActionResult OnGet(string? archivo)
    {
        if (!site.Value.ShowDevOutbox || mail.Value.Delivery != MailDelivery.Outbox)
        {
            return NotFound();
        }

        if (archivo is not null)
        {
            Selected = OutboxMailSender.IsOutboxFileName(archivo) ? outbox.Read(archivo) : null;
            return Selected is null ? NotFound() : Page();
        }

        Entries = outbox.List(50);
        return Page();
    }

    public static IEnumerable<(string Text, bool IsLink)> Linkify(string text)
    {
        var last = 0;
        foreach (Match m in UrlPattern().Matches(text))
        {
            yield return (text[last..m.Index], false);
            yield return (m.Value, true);
            last = m.Index + m.Length;
        }

        yield return (text[last..], false);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();
}
