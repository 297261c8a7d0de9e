using System.Net;
using System.Net.Sockets;
using IessClave.Web.Infrastructure.Health;

namespace IessClave.Tests.Infrastructure.Health;

/// <summary>The `check-health` verb (the container's HEALTHCHECK); its success against the app is in the embedded smoke test.</summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData("http://10.0.0.5:8080/healthz/ready")]
    [InlineData("https://127.0.0.1/healthz/ready")]
    [InlineData("not a url")]
    public async Task Probe_OnlyAsksThisMachineOverHttp(string url)
    {
        var output = new StringWriter();

        Assert.Equal(2, await HealthProbe.RunAsync([url], output));
        Assert.Contains("not an http:// address on this machine", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_NothingListening_Fails()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port that was free a moment ago: nothing answers there now
        var output = new StringWriter();

        Assert.Equal(1, await HealthProbe.RunAsync([$"http://127.0.0.1:{port}/healthz/ready"], output));
        Assert.Contains("no answer", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://+:8080", null, "http://127.0.0.1:8080/healthz/ready")]
    [InlineData("https://+:8443;http://0.0.0.0:5000/", null, "http://127.0.0.1:5000/healthz/ready")]
    [InlineData(null, "9090", "http://127.0.0.1:9090/healthz/ready")]
    [InlineData("", "", "http://127.0.0.1:8080/healthz/ready")]
    [InlineData("https://+:8443", null, "http://127.0.0.1:8080/healthz/ready")]
    public void DefaultUrl_IsThisMachinesPortFromTheHostSettings(string? urls, string? ports, string expected) =>
        Assert.Equal(expected, HealthProbe.DefaultUrl(urls, ports));
}
