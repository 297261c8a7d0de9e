namespace IessClave.Web.Infrastructure.Health;

/// <summary>
/// `IessClave.Web check-health [URL]`: asks a running app's readiness probe and exits 0 (healthy or degraded)
/// or 1, without starting a host: the container's HEALTHCHECK (the runtime image has no curl). The default URL is
/// this machine's own app on its first configured port; only loopback addresses are accepted.
/// </summary>
public static class HealthProbe
{
    public const string Verb = "check-health";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output)
    {
        var target = arguments.Count > 0 ? arguments[0] : $"http://127.0.0.1:{LocalPort()}{HealthFeature.ReadyPath}";
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !uri.IsLoopback)
        {
            output.WriteLine($"check-health: {target} is not an http:// address on this machine.");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(uri);
            output.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            output.WriteLine($"check-health: no answer from {uri} ({ex.GetType().Name}).");
            return 1;
        }
    }

    /// <summary>The port of ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS (the Dockerfile sets the former to :8080).</summary>
    private static int LocalPort()
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal));
        if (first is not null && int.TryParse(first[(first.LastIndexOf(':') + 1)..].TrimEnd('/'), out var fromUrls))
        {
            return fromUrls;
        }

        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        return int.TryParse(ports?.Split(';', ',').FirstOrDefault(), out var port) ? port : 8080;
    }
}
