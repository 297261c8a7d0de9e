namespace IessClave.Web;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddIessClave(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        return builder;
    }

    public static WebApplication MapIessClave(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        return app;
    }

    public static async Task<int> RunIessClaveAsync(this WebApplication app, string[] args)
    {
        await app.RunAsync();
        return 0;
    }
}
