using System.Net;
using IessClave.Tests.Support;

namespace IessClave.Tests.Features.Unlock.Virtual;

/// <summary>The virtual unlock through the Razor Pages (forms + antiforgery), as a browser posts them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class VirtualUnlockPagesTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Pages_LockedPageLinksTheForm_WrongThenRightProof_LinkShowsImage_NewClaveUnlocks()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        Assert.Contains("href=\"/desbloquear/virtual\"", await client.GetStringAsync("/clave/bloqueada"));

        var form = await client.GetStringAsync("/desbloquear/virtual");
        var wrong = await HtmlForms.PostAsync(client, form, "/desbloquear/virtual", await FieldsAsync(client, person, "Michi"));
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("Los datos no coinciden con nuestros registros", wrong.Html);
        Assert.Contains("Te quedan 2 intentos", wrong.Html);
        Assert.DoesNotContain("aria-invalid=\"true\"", wrong.Html);

        var before = SelfServiceFlows.MailsTo(app, person.Who.Email);
        var right = await HtmlForms.PostAsync(client, wrong.Html, "/desbloquear/virtual", await FieldsAsync(client, person, " FIRULÁIS "));
        Assert.Equal("/desbloquear/virtual/enviado", right.Location?.OriginalString);
        Assert.Contains(person.Who.Email[..2] + "*", await client.GetStringAsync(right.Location));

        var token = SelfServiceFlows.TokenFrom(await SelfServiceFlows.NextMailAsync(app, person.Who.Email, before, "Desbloquee su clave del IESS"), SelfServiceFlows.UnlockPath);
        var linkPage = await client.GetStringAsync(SelfServiceFlows.UnlockPath + "?t=" + token);
        Assert.Contains("Tu imagen de seguridad: Pez", linkPage);
        Assert.Contains("queda desbloqueada", linkPage);

        var weak = await HtmlForms.PostAsync(client, linkPage, SelfServiceFlows.UnlockPath, new Dictionary<string, string?> { ["t"] = token, ["Clave"] = "12345678", ["ClaveConfirmation"] = "12345678" });
        Assert.Contains("aria-describedby=\"Clave-hint Clave-error\"", weak.Html);
        var saved = await HtmlForms.PostAsync(client, weak.Html, SelfServiceFlows.UnlockPath, new Dictionary<string, string?>
        {
            ["t"] = token, ["Clave"] = "Isla-Plata-Ballenas-4410", ["ClaveConfirmation"] = "Isla-Plata-Ballenas-4410",
        });
        Assert.Equal("/clave/cambiada", saved.Location?.OriginalString);
        Assert.Contains("tu cuenta quedó desbloqueada", await client.GetStringAsync("/clave/cambiada"));
        Assert.Equal(HttpStatusCode.OK, (await Flows.SignInAsync(client, person.Who.Identification, "Isla-Plata-Ballenas-4410")).StatusCode);
    }

    [Fact]
    public async Task Pages_ThirdWrongProof_HidesTheFormAndPointsToVideoCallAndWindow()
    {
        using var client = app.CreateClient();
        var person = await SelfServiceFlows.AccountAsync(app, locked: true);
        var html = await client.GetStringAsync("/desbloquear/virtual");
        for (var i = 0; i < 3; i++)
        {
            html = (await HtmlForms.PostAsync(client, await client.GetStringAsync("/desbloquear/virtual"), "/desbloquear/virtual", await FieldsAsync(client, person, "Michi"))).Html;
        }

        Assert.Contains("El desbloqueo en línea está cerrado", html);
        Assert.Contains("href=\"/desbloquear/videollamada\"", html);
        Assert.Contains("href=\"/desbloquear#presencial\"", html);
        Assert.DoesNotContain("name=\"SecurityAnswer\"", html);
    }

    private async Task<Dictionary<string, string?>> FieldsAsync(HttpClient client, SelfServicePerson person, string answer) => new()
    {
        ["Identification"] = person.Who.Identification,
        ["BirthDate"] = person.Who.BirthDate.ToString("yyyy-MM-dd"),
        ["SecurityQuestionId"] = SelfServiceFlows.QuestionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SecurityAnswer"] = answer,
        ["altcha"] = await app.RobotProofAsync(client),
    };
}
