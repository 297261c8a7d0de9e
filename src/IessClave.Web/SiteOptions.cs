using System.ComponentModel.DataAnnotations;

namespace IessClave.Web;

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address used in links sent by mail, e.g. https://clave.iess.gob.ec.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Show the local outbox page at /dev/correos (embedded default only; never in production).</summary>
    public bool ShowDevOutbox { get; set; }

    /// <summary>Seed the demo affiliate registry listed in the README (embedded default only).</summary>
    public bool SeedDemoRegistry { get; set; }

    /// <summary>
    /// Reverse proxies (IP addresses) whose X-Forwarded-For/-Proto headers are believed, so rate limits see the
    /// client's address and cookies know the request was HTTPS. Empty: no forwarded headers are read.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    public bool IsHttps => PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public string Link(string pathAndQuery) => PublicBaseUrl.TrimEnd('/') + pathAndQuery;
}
