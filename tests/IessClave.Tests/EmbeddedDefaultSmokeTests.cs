using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using IessClave.Tests.Support;
using IessClave.Web.Infrastructure.Health;
using IessClave.Web.Infrastructure.RobotCheck;

namespace IessClave.Tests;

/// <summary>
/// Boots the app as the README's run command does (embedded default: SQLite, Hangfire on SQLite, outbox mail,
/// demo registry), in its own process, and walks a registration to the outbox page.
/// </summary>
public sealed class EmbeddedDefaultSmokeTests
{
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Output = new();

    [Fact]
    public async Task EmbeddedDefault_Boots_SeedsDemoRegistryAndDeliversMailToTheOutbox()
    {
        var data = Directory.CreateTempSubdirectory("iessclave-smoke-");
        var port = FreePort();
        using var app = StartApp(data.FullName, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(http, app);

            Assert.Contains("Generar", await http.GetStringAsync("/"));
            var challenge = await http.GetFromJsonAsync<AltchaChallenge>("/api/v1/robot-check/challenge");
            var response = await http.PostAsJsonAsync("/api/v1/registrations", new
            {
                identification = "1712345675", robotProof = AltchaSolver.SolvePayload(challenge!), acceptedTerms = true,
                birthDate = "1985-04-12", securityImageId = 1, securityQuestionId = 1, securityAnswer = "Quito",
                mobilePhone = "0991234567", email = "maria.demo@correo.test", emailConfirmation = "maria.demo@correo.test",
            });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

            var outbox = await PollAsync(() => http.GetStringAsync("/dev/correos"), html => html.Contains("maria.demo@correo.test"));
            Assert.Contains("maria.demo@correo.test", outbox);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(data.FullName, "outbox"), "*.eml"));
            Assert.True(File.Exists(Path.Combine(data.FullName, "iessclave.db")));

            // The container's health probe (`check-health`) against this app: every readiness check passes on SQLite.
            var probe = new StringWriter();
            var exit = await PollAsync(() => { probe.GetStringBuilder().Clear(); return HealthProbe.RunAsync([$"http://127.0.0.1:{port}{HealthFeature.ReadyPath}"], probe); }, code => code == 0);
            Assert.Equal(0, exit);
            Assert.Contains("\"status\": \"Healthy\"", probe.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Degraded", probe.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            data.Delete(recursive: true);
        }
    }

    private static Process StartApp(string dataDir, int port)
    {
        var webDir = Path.Combine(RepoRoot(), "src", "IessClave.Web");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(webDir, "bin", configuration, "net10.0", "IessClave.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                dll, $"--urls=http://127.0.0.1:{port}", $"--Site:PublicBaseUrl=http://127.0.0.1:{port}",
                $"--Database:ConnectionString=Data Source={dataDir}/iessclave.db", $"--Jobs:SqlitePath={dataDir}/hangfire.db",
                $"--Mail:OutboxPath={dataDir}/outbox", "--RobotCheck:MaxNumber=500",
            },
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => Output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process app) =>
        await PollAsync(async () =>
        {
            Assert.False(app.HasExited, "The app exited while starting:\n" + string.Join("\n", Output));
            try
            {
                return (await http.GetAsync("/")).StatusCode.ToString();
            }
            catch (HttpRequestException)
            {
                return "down";
            }
        }, status => status == "OK");

    private static async Task<T> PollAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IessClave.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("IessClave.sln not found above the test folder.");
    }
}
