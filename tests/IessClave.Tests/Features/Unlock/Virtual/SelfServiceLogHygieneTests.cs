using System.Net.Http.Json;
using IessClave.Tests.Support;

namespace IessClave.Tests.Features.Unlock.Virtual;

[Collection(PostgresCollection.Name)]
public sealed class SelfServiceLogHygieneTests(SharedPostgresApp app)
{
    [Fact]
    public async Task VirtualUnlockAndRecovery_LeaveNoTokenClaveAnswerOrPersonalDataInTheLogs()
    {
        using var client = app.CreateClient();
        var locked = await SelfServiceFlows.AccountAsync(app, locked: true);
        var active = await SelfServiceFlows.AccountAsync(app, locked: false);
        await SelfServiceFlows.VirtualAsync(app, client, locked.Who, b => b["securityAnswer"] = "Respuesta-Secreta-Logs");
        var unlockToken = await SelfServiceFlows.VirtualUnlockTokenAsync(app, client, locked.Who);
        await client.GetAsync(SelfServiceFlows.UnlockPath + "?t=" + unlockToken);
        await client.PostAsJsonAsync("/api/v1/unlock/virtual/link/inspect", new { token = unlockToken });
        await SelfServiceFlows.CompleteAsync(client, "/api/v1/unlock/virtual", unlockToken, "Clave-Nueva-Logs-7720");
        var recoveryToken = await SelfServiceFlows.RecoveryTokenAsync(app, client, active.Who);
        await client.GetAsync(SelfServiceFlows.RecoveryPath + "?t=" + recoveryToken);
        await SelfServiceFlows.CompleteAsync(client, "/api/v1/recovery", recoveryToken, "Clave-Nueva-Logs-7721");
        await SelfServiceFlows.NextMailAsync(app, active.Who.Email, 0, "Su clave del IESS fue cambiada");

        var logs = string.Join("\n", app.Factory.Logs.Lines);

        foreach (var secret in new[] { unlockToken, recoveryToken, "Clave-Nueva-Logs-7720", "Clave-Nueva-Logs-7721", "Respuesta-Secreta-Logs", SelfServiceFlows.Answer })
        {
            Assert.DoesNotContain(secret, logs);
        }

        foreach (var who in new[] { locked.Who, active.Who })
        {
            Assert.DoesNotContain(who.Email, logs);
            Assert.DoesNotContain(who.Identification, logs);
        }
    }
}
