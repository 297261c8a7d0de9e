using System.Net.Http.Json;
using IessClave.Tests.Support;

namespace IessClave.Tests.Infrastructure.Data;

[Collection(PostgresCollection.Name)]
public sealed class LogHygieneTests(SharedPostgresApp app)
{
    [Fact]
    public async Task WholeFlow_LeavesNoTokenClaveOrPersonalDataInTheLogs()
    {
        using var client = app.CreateClient();
        var who = await app.NewAffiliateAsync(fullName: "Persona Nombre Unico Logs");
        var token = await Flows.RegisterAndReadTokenAsync(app, client, who);
        await client.GetAsync("/clave/activar?t=" + token);
        await client.PostAsJsonAsync("/api/v1/activations/inspect", new { token });
        await Flows.ActivateAsync(client, token, "Clave-Secreta-Logs-4821");
        await Flows.SignInAsync(client, who.Identification, "Clave-Secreta-Logs-4821");
        await Flows.SignInAsync(client, who.Identification, "mal-mal-mal");

        var logs = string.Join("\n", app.Factory.Logs.Lines);

        Assert.NotEmpty(app.Factory.Logs.Lines);
        Assert.DoesNotContain(token, logs);
        Assert.DoesNotContain("Clave-Secreta-Logs-4821", logs);
        Assert.DoesNotContain(who.Email, logs);
        Assert.DoesNotContain(who.Identification, logs);
        Assert.DoesNotContain("Persona Nombre Unico Logs", logs);
    }
}
