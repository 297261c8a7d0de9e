using System.Net;
using IessClave.Tests.Support;

namespace IessClave.Tests.Features.Registration;

/// <summary>The Razor Pages flow over HTTP (forms + antiforgery), the same path a browser takes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RegistrationPagesTests(SharedPostgresApp app)
{
    [Fact]
    public async Task Pages_GenerateActivateSignIn_ThenThreeWrongClavesShowTheLockedPage()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync(fullName: "Pedro <b>Negrita</b> Loor");

        var page = await client.GetStringAsync("/clave/generar");
        var step1 = await HtmlForms.PostAsync(client, page, "/clave/generar?handler=Identify", new Dictionary<string, string?>
        {
            ["Identification"] = who.Identification, ["AcceptedTerms"] = "true", ["altcha"] = await app.RobotProofAsync(client),
        });
        Assert.Contains("Paso 2 de 3", step1.Html);

        var step2 = await HtmlForms.PostAsync(client, step1.Html, "/clave/generar?handler=Verify", new Dictionary<string, string?>
        {
            ["Draft"] = HtmlForms.HiddenValue(step1.Html, "Draft"), ["BirthDate"] = who.BirthDate.ToString("yyyy-MM-dd"),
            ["SecurityImageId"] = "5", ["SecurityQuestionId"] = "2", ["SecurityAnswer"] = "Riobamba",
        });
        Assert.Contains("Paso 3 de 3", step2.Html);

        var step3 = await HtmlForms.PostAsync(client, step2.Html, "/clave/generar?handler=Contact", new Dictionary<string, string?>
        {
            ["Draft"] = HtmlForms.HiddenValue(step2.Html, "Draft"), ["MobilePhone"] = "0987654321", ["Email"] = who.Email, ["EmailConfirmation"] = who.Email,
        });
        Assert.Equal(HttpStatusCode.Redirect, step3.Status);
        var sent = await client.GetStringAsync(step3.Location);
        Assert.Contains(who.Email[..2] + "*", sent);

        var mail = await app.Smtp.WaitForMessageAsync(m => Flows.IsTo(m, who.Email), Flows.MailTimeout);
        var activation = await client.GetStringAsync("/clave/activar?t=" + Flows.TokenFrom(mail));
        Assert.Contains("Estrella", activation);
        Assert.Contains("data-countdown", activation);

        var saved = await HtmlForms.PostAsync(client, activation, "/clave/activar", new Dictionary<string, string?>
        {
            ["t"] = Flows.TokenFrom(mail), ["Clave"] = "Mitad-del-Mundo-0000", ["ClaveConfirmation"] = "Mitad-del-Mundo-0000",
        });
        Assert.Equal("/clave/activada", saved.Location?.OriginalString);

        var signInPage = await client.GetStringAsync("/ingresar");
        var signedIn = await HtmlForms.PostAsync(client, signInPage, "/ingresar", new Dictionary<string, string?>
        {
            ["Identification"] = who.Identification, ["Clave"] = "Mitad-del-Mundo-0000",
        });
        Assert.Equal("/mi-cuenta", signedIn.Location?.OriginalString);
        var account = await client.GetStringAsync("/mi-cuenta");
        Assert.Contains("Pedro &lt;b&gt;Negrita&lt;/b&gt; Loor", account);
        Assert.DoesNotContain("<b>Negrita</b>", account);

        var signedOut = await HtmlForms.PostAsync(client, account, "/mi-cuenta?handler=SignOut", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/mi-cuenta")).StatusCode);

        string? last = null;
        for (var i = 0; i < 3; i++)
        {
            signInPage = await client.GetStringAsync("/ingresar");
            var wrong = await HtmlForms.PostAsync(client, signInPage, "/ingresar", new Dictionary<string, string?>
            {
                ["Identification"] = who.Identification, ["Clave"] = "equivocada-" + i,
            });
            last = wrong.Location?.OriginalString ?? wrong.Html;
            if (i < 2)
            {
                Assert.Contains("Identificación o clave incorrecta", wrong.Html);
            }
        }

        Assert.Equal("/clave/bloqueada", last);
        var locked = await client.GetStringAsync("/clave/bloqueada");
        Assert.Contains("Virtual", locked);
        Assert.Contains("Videollamada", locked);
        Assert.Contains("En persona", locked);
    }

    [Fact]
    public async Task GenerarPage_WithWrongCheckDigit_ShowsTheSpanishErrorAndStaysOnStepOne()
    {
        using var client = app.CreateClient();
        var page = await client.GetStringAsync("/clave/generar");

        var result = await HtmlForms.PostAsync(client, page, "/clave/generar?handler=Identify", new Dictionary<string, string?>
        {
            ["Identification"] = "1712345676", ["AcceptedTerms"] = "true", ["altcha"] = await app.RobotProofAsync(client),
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("dígito verificador", result.Html);
        Assert.Contains("Paso 1 de 3", result.Html);
        Assert.Contains("role=\"alert\"", result.Html);
    }

    [Fact]
    public async Task GenerarPage_WithTamperedDraft_StartsOverWithoutA500()
    {
        using var client = app.CreateClient();
        var page = await client.GetStringAsync("/clave/generar");

        var result = await HtmlForms.PostAsync(client, page, "/clave/generar?handler=Contact", new Dictionary<string, string?>
        {
            ["Draft"] = "CfDJ8-forged", ["MobilePhone"] = "0987654321", ["Email"] = "a@b.ec", ["EmailConfirmation"] = "a@b.ec",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("caducó o no es válido", result.Html);
        Assert.Contains("Paso 1 de 3", result.Html);
    }

    [Fact]
    public async Task ActivarPage_WithForgedToken_SaysTheLinkIsNotValid()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/clave/activar?t=forjado");

        Assert.Contains("El enlace no es válido", html);
        Assert.DoesNotContain("Guardar mi clave", html);
    }

    [Fact]
    public async Task DevOutbox_WhenNotEnabled_IsNotFound()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/correos")).StatusCode);
    }
}
