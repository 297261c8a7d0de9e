using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IessClave.Web;

/// <summary>Forwarded headers from trusted proxies only, and HSTS when the public address is HTTPS.</summary>
public static class Transport
{
    public static IServiceCollection AddTransport(this IServiceCollection services, IConfiguration config)
    {
        var site = config.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in site.TrustedProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UseTransport(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        if (site.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        if (site.IsHttps && !app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
