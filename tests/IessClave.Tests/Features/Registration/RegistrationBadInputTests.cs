using System.Net;
using System.Text;
using System.Text.Json;
using IessClave.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Registration;

/// <summary>Every bad input gets a clear 4xx problem in Spanish and leaves no account, token or mail behind.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RegistrationBadInputTests(SharedPostgresApp app)
{
    public static TheoryData<string, string, object?, string> BadFields => new()
    {
        { "fullwidth digits", "identification", "１７１２３４５６７５", "letras y números" },
        { "arabic-indic digits", "identification", "١٧١٢٣٤٥٦٧٥", "letras y números" },
        { "nine digits", "identification", "171234567", "10 dígitos" },
        { "wrong check digit", "identification", "1712345676", "dígito verificador" },
        { "province 25", "identification", "2512345675", "provincia" },
        { "third digit 6", "identification", "1762345675", "tercer dígito" },
        { "script tag", "identification", "<script>", "letras y números" },
        { "over-long identification", "identification", new string('A', 300), "demasiado larga" },
        { "future birth date", "birthDate", "2999-01-01", "futuro" },
        { "impossible birth date", "birthDate", "2023-02-30", "no es válida" },
        { "garbage birth date", "birthDate", "ayer", "no es válida" },
        { "mismatched emails", "emailConfirmation", "otro@correo.test", "no coinciden" },
        { "header injection in email", "email", "x@correo.test\r\nBcc: victima@correo.test", "correo electrónico válido" },
        { "display name in email", "email", "Yo <x@correo.test>", "correo electrónico válido" },
        { "over-long email", "email", new string('a', 250) + "@correo.test", "correo electrónico válido" },
        { "over-long answer", "securityAnswer", new string('r', 101), "entre 2 y 100" },
        { "unknown image", "securityImageId", 99, "imagen de seguridad" },
        { "unknown question", "securityQuestionId", 0, "pregunta de seguridad" },
        { "bad phone", "mobilePhone", "12345", "celular válido" },
        { "missing robot proof", "robotProof", null, "No soy un robot" },
        { "forged robot proof", "robotProof", "eyJmb28iOiJiYXIifQ==", "No soy un robot" },
        { "terms not accepted", "acceptedTerms", false, "términos" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Register_WithBadField_AnswersProblemAndChangesNothing(string because, string field, object? value, string expectedText)
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync();
        var before = await Counts();

        var response = await Flows.RegisterAsync(app, client, who, body =>
        {
            body[field] = value;
            if (field == "email")
            {
                body["emailConfirmation"] = value;
            }
        });

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest, $"{because}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expectedText, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Register_WithBirthDateNotMatchingRegistry_IsRefusedAndCreatesNothing()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync();
        var before = await Counts();

        var response = await Flows.RegisterAsync(app, client, who, b => b["birthDate"] = "1980-06-16");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no coinciden con nuestros registros", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Register_UnknownIdVersusKnownIdWithWrongDate_GetTheSameAnswer()
    {
        using var client = app.CreateClient();
        var known = await app.NewAffiliateAsync();
        var unknown = known with { Identification = TestIdentities.NewCedula() };

        var knownAnswer = await Flows.RegisterAsync(app, client, known, b => b["birthDate"] = "1970-01-01");
        var unknownAnswer = await Flows.RegisterAsync(app, client, unknown, b => b["birthDate"] = "1970-01-01");

        Assert.Equal(knownAnswer.StatusCode, unknownAnswer.StatusCode);
        Assert.Equal(await WithoutTraceId(knownAnswer), await WithoutTraceId(unknownAnswer));
    }

    [Fact]
    public async Task Register_SixthBirthDateTryForOneId_IsThrottledWhetherOrNotItExists()
    {
        using var client = app.CreateClient();
        var known = await app.NewAffiliateAsync();
        var unknown = known with { Identification = TestIdentities.NewCedula() };

        foreach (var who in new[] { known, unknown })
        {
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < 6; i++)
            {
                codes.Add((await Flows.RegisterAsync(app, client, who, b => b["birthDate"] = "1970-01-0" + (i + 1))).StatusCode);
            }

            Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 5).Append(HttpStatusCode.TooManyRequests), codes);
        }
    }

    [Fact]
    public async Task Register_WithMalformedJson_AnswersBadRequestProblem()
    {
        using var client = app.CreateClient();
        var before = await Counts();

        var response = await client.PostAsync("/api/v1/registrations", new StringContent("{\"identification\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Register_ReusingASolvedRobotProof_IsRefused()
    {
        using var client = app.CreateClient();
        var proof = await app.RobotProofAsync(client);
        Assert.Equal(HttpStatusCode.Accepted, (await Flows.RegisterAsync(app, client, await app.NewAffiliateAsync(), b => b["robotProof"] = proof)).StatusCode);

        var replay = await Flows.RegisterAsync(app, client, await app.NewAffiliateAsync(), b => b["robotProof"] = proof);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [Theory]
    [InlineData("forged", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("truncated", "AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not base64url", "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%")]
    [InlineData("empty", "")]
    public async Task Activate_WithForgedOrTruncatedToken_AnswersNotFoundAndChangesNothing(string because, string token)
    {
        using var client = app.CreateClient();
        var before = await Counts();

        var response = await Flows.ActivateAsync(client, token, "Clave-Valida-Larga-99");

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, because);
        Assert.Contains("no es válido", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Activate_WithWeakClave_ExplainsEveryRuleAndKeepsTheLinkUsable()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync();
        var token = await Flows.RegisterAndReadTokenAsync(app, client, who);

        var weak = await Flows.ActivateAsync(client, token, who.Identification + "1");
        var common = await Flows.ActivateAsync(client, token, "contraseña");
        var withBirthDate = await Flows.ActivateAsync(client, token, "clave" + who.BirthDate.ToString("ddMMyyyy"));

        Assert.Contains("identificación", await weak.Content.ReadAsStringAsync());
        Assert.Contains("común", await common.Content.ReadAsStringAsync());
        Assert.Contains("fecha de nacimiento", await withBirthDate.Content.ReadAsStringAsync());
        Assert.All(new[] { weak, common, withBirthDate }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(HttpStatusCode.NoContent, (await Flows.ActivateAsync(client, token, "Paramo-El-Angel-4312")).StatusCode);
    }

    private Task<(int Accounts, int Tokens, int Mails)> Counts() => app.WithDbAsync(async db =>
        (await db.Accounts.CountAsync(), await db.Tokens.CountAsync(), await db.OutgoingMails.CountAsync()));

    private static async Task<string> WithoutTraceId(HttpResponseMessage response)
    {
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.Content.ReadAsStringAsync())!;
        json.Remove("traceId");
        return JsonSerializer.Serialize(json);
    }
}
