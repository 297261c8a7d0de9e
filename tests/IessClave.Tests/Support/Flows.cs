using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace IessClave.Tests.Support;

/// <summary>The registration steps through the JSON API, and reading the link out of the mail that arrived.</summary>
public static partial class Flows
{
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    public static async Task<Dictionary<string, object?>> RegistrationBodyAsync(PostgresApp app, HttpClient client, TestAffiliate who) => new()
    {
        ["identification"] = who.Identification,
        ["robotProof"] = await app.RobotProofAsync(client),
        ["acceptedTerms"] = true,
        ["birthDate"] = who.BirthDate.ToString("yyyy-MM-dd"),
        ["securityImageId"] = 3,
        ["securityQuestionId"] = 1,
        ["securityAnswer"] = "Firulais",
        ["mobilePhone"] = "0991234567",
        ["email"] = who.Email,
        ["emailConfirmation"] = who.Email,
        ["culture"] = "es",
    };

    public static async Task<HttpResponseMessage> RegisterAsync(PostgresApp app, HttpClient client, TestAffiliate who, Action<Dictionary<string, object?>>? change = null)
    {
        var body = await RegistrationBodyAsync(app, client, who);
        change?.Invoke(body);
        return await client.PostAsJsonAsync("/api/v1/registrations", body);
    }

    /// <summary>Registers and returns the raw token from the activation mail received over SMTP.</summary>
    public static async Task<string> RegisterAndReadTokenAsync(PostgresApp app, HttpClient client, TestAffiliate who)
    {
        var before = app.Smtp.Messages.Count(m => IsTo(m, who.Email));
        var response = await RegisterAsync(app, client, who);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var mail = await app.Smtp.WaitForMessageAsync(m => IsTo(m, who.Email) && app.Smtp.Messages.Count(x => IsTo(x, who.Email)) > before, MailTimeout);
        return TokenFrom(LatestTo(app, who.Email) ?? mail);
    }

    public static MimeMessage? LatestTo(PostgresApp app, string email) => app.Smtp.Messages.LastOrDefault(m => IsTo(m, email));

    public static bool IsTo(MimeMessage message, string email) =>
        message.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase));

    public static string TokenFrom(MimeMessage mail)
    {
        var match = ActivationLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "The mail has no activation link: " + mail.TextBody);
        return match.Groups["t"].Value;
    }

    public static async Task<HttpResponseMessage> ActivateAsync(HttpClient client, string token, string clave) =>
        await client.PostAsJsonAsync("/api/v1/activations", new { token, clave, claveConfirmation = clave });

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string identification, string clave) =>
        await client.PostAsJsonAsync("/api/v1/sessions", new { identification, clave });

    /// <summary>A registered, activated affiliate with a known clave.</summary>
    public static async Task<(TestAffiliate Who, string Clave)> ActiveAffiliateAsync(PostgresApp app, HttpClient client)
    {
        var who = await app.NewAffiliateAsync();
        var token = await RegisterAndReadTokenAsync(app, client, who);
        const string clave = "Volcan-Chimborazo-6263";
        var activated = await ActivateAsync(client, token, clave);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, activated.StatusCode);
        return (who, clave);
    }

    public static string NewClaveTokenFrom(MimeMessage mail)
    {
        var match = NewClaveLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "The mail has no new-clave link: " + mail.TextBody);
        return match.Groups["t"].Value;
    }

    [GeneratedRegex(@"/clave/activar\?t=(?<t>[A-Za-z0-9_-]{43})")]
    private static partial Regex ActivationLink();

    [GeneratedRegex(@"/clave/nueva\?t=(?<t>[A-Za-z0-9_-]{43})")]
    private static partial Regex NewClaveLink();
}
