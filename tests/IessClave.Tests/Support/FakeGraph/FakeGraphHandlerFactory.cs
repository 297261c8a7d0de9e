using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using IessClave.Web.Infrastructure.Meetings;

namespace IessClave.Tests.Support.FakeGraph;

/// <summary>
/// The HTTP handler the Graph SDK and Azure.Identity get in tests: it trusts only the fake server's certificate, refuses
/// any request that is not for the fake's origin (so nothing can reach the internet) and records every outgoing URI.
/// </summary>
public sealed class FakeGraphHandlerFactory(Uri origin, X509Certificate2 certificate) : GraphHttpHandlerFactory
{
    private readonly ConcurrentQueue<Uri> outgoing = new();

    /// <summary>Every URI the code under test tried to reach, in order (refused ones included).</summary>
    public IReadOnlyCollection<Uri> Outgoing => outgoing.ToArray();

    public override HttpMessageHandler Create()
    {
        var sockets = new SocketsHttpHandler();
        sockets.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate.RawData);
        return new LoopbackOnly(origin, outgoing) { InnerHandler = sockets };
    }

    private sealed class LoopbackOnly(Uri origin, ConcurrentQueue<Uri> outgoing) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri ?? throw new InvalidOperationException("No request URI.");
            outgoing.Enqueue(uri);
            if (Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new HttpRequestException($"Test refused a request outside the fake Graph server: {uri.GetLeftPart(UriPartial.Authority)}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
