using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace IessClave.Web.Infrastructure.Meetings;

/// <summary>
/// The innermost HTTP handler under both the Graph SDK and Azure.Identity (the system trust store in production).
/// Tests replace it with one that trusts only the local fake Graph server's certificate.
/// </summary>
public class GraphHttpHandlerFactory
{
    public virtual HttpMessageHandler Create() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
}

/// <summary>Builds the real Graph SDK client: client-secret credential, the SDK's default middleware, custom base URL.</summary>
internal static class GraphClientBuilder
{
    public static (GraphServiceClient Client, HttpClient Http) Build(GraphMeetingOptions options, GraphHttpHandlerFactory handlers)
    {
        var credentialOptions = new ClientSecretCredentialOptions { Transport = new HttpClientTransport(handlers.Create()) };
        credentialOptions.Retry.MaxRetries = options.MaxRetries;
        if (!string.IsNullOrWhiteSpace(options.AuthorityHost))
        {
            credentialOptions.AuthorityHost = new Uri(options.AuthorityHost);
            credentialOptions.DisableInstanceDiscovery = true;
        }

        var credential = new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, credentialOptions);

        // The bearer token goes only to the configured Graph host; the scope is that host's ".default".
        var baseUri = new Uri(options.BaseUrl);
        var auth = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [baseUri.Host],
            scopes: [baseUri.GetLeftPart(UriPartial.Authority) + "/.default"]);

        // The SDK's own pipeline (retry honouring Retry-After, redirects, telemetry…) with our retry budget.
        var pipeline = GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions());
        var index = pipeline.IndexOf(pipeline.OfType<RetryHandler>().Single());
        pipeline[index] = new RetryHandler(new RetryHandlerOption { MaxRetry = options.MaxRetries });
        pipeline.Insert(0, new JsonOnlyResponses());
        var http = GraphClientFactory.Create(pipeline, finalHandler: handlers.Create());
        http.Timeout = options.Timeout;
        return (new GraphServiceClient(http, auth, options.BaseUrl.TrimEnd('/')), http);
    }
}

/// <summary>
/// Outermost handler (it sees the response after retries): a body that is not JSON, such as a gateway's HTML error
/// page, becomes an <see cref="HttpRequestException"/> with the status code instead of the SDK's "no parse node
/// factory" <see cref="InvalidOperationException"/>.
/// </summary>
internal sealed class JsonOnlyResponses : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            return response;
        }

        var status = response.StatusCode;
        response.Dispose();
        throw new HttpRequestException($"Microsoft Graph answered {(int)status} with {mediaType} instead of JSON.", null, status);
    }
}
