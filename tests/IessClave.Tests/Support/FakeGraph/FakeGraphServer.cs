using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IessClave.Tests.Support.FakeGraph;

/// <summary>
/// A local fake of Microsoft Graph and of the Entra ID token endpoint: one ASP.NET Core app on https://127.0.0.1 and
/// a free port, with a self-signed certificate made in memory (Azure.Identity accepts only HTTPS authority hosts).
/// It records every request and can be told to fail, throttle, stall or garble the next Graph requests.
/// <code>await using var graph = await FakeGraphServer.StartAsync();</code>
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    public const string TenantId = "contoso-test-tenant";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string ClientSecret = "fake-client-secret-never-logged";
    public const string Organizer = "mesa-de-ayuda@iess-test.ec";

    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly FakeGraphFaults faults = new();
    private WebApplication? app;

    private FakeGraphServer(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    /// <summary>https://127.0.0.1:{port}</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>What the app sets as Meetings:Graph:BaseUrl.</summary>
    public string BaseUrl => new Uri(Origin, "/v1.0").ToString();

    /// <summary>What the app sets as Meetings:Graph:AuthorityHost.</summary>
    public string AuthorityHost => Origin.ToString();

    /// <summary>The access token the token endpoint hands out; Graph endpoints require it as the bearer.</summary>
    public string AccessToken { get; } = "fake-graph-token-" + Guid.NewGuid().ToString("N");

    /// <summary>When true the token endpoint answers 401 invalid_client (a revoked or wrong secret).</summary>
    public bool RejectClientCredentials { get; set; }

    public FakeGraphStore Store { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public IReadOnlyList<RecordedRequest> GraphRequests => Requests.Where(r => r.IsGraph).ToList();

    public IReadOnlyList<RecordedRequest> TokenRequests => Requests.Where(r => r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)).ToList();

    public FakeGraphHandlerFactory CreateHandlerFactory() => new(Origin, Certificate);

    /// <summary>
    /// The next <paramref name="count"/> Graph requests (only those with <paramref name="method"/>, when given) answer
    /// <paramref name="status"/> with an OData error body, and a Retry-After header when asked.
    /// </summary>
    public void FailNext(int count, int status, int? retryAfterSeconds = null, string? method = null) =>
        faults.Add(count, new FakeGraphFault(status, retryAfterSeconds, Malformed: false, TimeSpan.Zero, method));

    /// <summary>The next Graph requests answer 200 with a truncated JSON body.</summary>
    public void ReturnMalformedJsonNext(int count = 1) => faults.Add(count, new FakeGraphFault(200, null, Malformed: true, TimeSpan.Zero, null));

    /// <summary>The next Graph request answers <paramref name="status"/> with an HTML page, as a gateway in front of Graph may.</summary>
    public void ReturnHtmlErrorNext(int status) => faults.Add(1, new FakeGraphFault(status, null, Malformed: false, TimeSpan.Zero, null, Html: true));

    /// <summary>The next Graph request waits <paramref name="delay"/> before it is served normally.</summary>
    public void DelayNext(TimeSpan delay) => faults.Add(1, new FakeGraphFault(null, null, Malformed: false, delay, null));

    public static async Task<FakeGraphServer> StartAsync()
    {
        var server = new FakeGraphServer(LoopbackCertificate.Create());
        await server.StartCoreAsync();
        return server;
    }

    /// <summary>Stops listening: from now on connections to <see cref="Origin"/> are refused.</summary>
    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Certificate.Dispose();
    }

    private async Task StartCoreAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate)));
        app = builder.Build();
        app.Use(RecordAsync);
        app.Use(faults.InjectAsync);
        FakeGraphEndpoints.Map(app, this);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Origin = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority)); // https://127.0.0.1:{port}
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        requests.Enqueue(new RecordedRequest(DateTimeOffset.UtcNow, context.Request.Method, context.Request.Path.Value ?? "", raw, headers, body));
        await next(context);
    }
}
