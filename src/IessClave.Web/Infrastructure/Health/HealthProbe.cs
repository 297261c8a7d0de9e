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
        var target = arguments.Count > 0 ? arguments[0]
            : DefaultUrl(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"), Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
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

    /// <summary>
    /// This machine's readiness probe on the port of ASPNETCORE_URLS (its first http:// entry; the Dockerfile sets
    /// http://+:8080), else of ASPNETCORE_HTTP_PORTS, else 8080.
    /// </summary>
    public static string DefaultUrl(string? urls, string? httpPorts)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        var port = first is not null && int.TryParse(first[(first.LastIndexOf(':') + 1)..].TrimEnd('/'), out var fromUrls) ? fromUrls
            : int.TryParse(httpPorts?.Split(';', ',').FirstOrDefault(), out var fromPorts) ? fromPorts
            : 8080;
        return $"http://127.0.0.1:{port}{HealthFeature.ReadyPath}";
    }
}
