using System.Net;
using System.Text.RegularExpressions;

namespace IessClave.Tests.Support;

/// <summary>Posts Razor Pages forms as a browser would: with the antiforgery token from the page it was on.</summary>
public static partial class HtmlForms
{
    public static async Task<(HttpStatusCode Status, string Html, Uri? Location)> PostAsync(
        HttpClient client, string pageHtml, string action, IDictionary<string, string?> fields)
    {
        var token = AntiforgeryToken().Match(pageHtml);
        Assert.True(token.Success, "The page has no antiforgery token.");
        var form = fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
        form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var response = await client.PostAsync(action, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No hidden field {name}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
