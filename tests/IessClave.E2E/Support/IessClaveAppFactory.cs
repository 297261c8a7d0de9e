using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IessClave.E2E.Support;

/// <summary>The real app served by Kestrel on 127.0.0.1:<see cref="Port"/>, so a real browser can reach it.</summary>
public sealed class IessClaveAppFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public IessClaveAppFactory(IReadOnlyDictionary<string, string?> settings, int port)
    {
        this.settings = settings;
        Port = port;
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
    }

    public int Port { get; }

    /// <summary>A port that was free a moment ago; the mailed links need it before the host starts.</summary>
    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
