using IessClave.Web.Features.Agents.Admin;
using IessClave.Web.Features.Registry;
using IessClave.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IessClave.Web;

public sealed record CliCommand(string Verb, IReadOnlyList<string> Arguments);

/// <summary>
/// Verbs of the app besides serving: `migrate`, `import-affiliates FILE.csv [--skip-bad-rows]`, `seed-demo`,
/// `create-admin USERNAME "Display Name"` (password from IESSCLAVE_ADMIN_PASSWORD or standard input).
/// They are split off before the host sees the arguments, so configuration never misreads them.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "import-affiliates", "seed-demo", CreateAdminCommand.Verb];

    /// <summary>Host settings after a verb must use the `--Key=Value` form.</summary>
    public static (CliCommand? Command, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return (null, args);
        }

        var rest = args.Skip(1).ToList();
        static bool IsHostSetting(string a) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=');
        return (new CliCommand(args[0], rest.Where(a => !IsHostSetting(a)).ToList()), rest.Where(IsHostSetting).ToArray());
    }

    public static async Task<int> RunIessClaveAsync(this WebApplication app, CliCommand? command)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.MigrateOnStart || command?.Verb == "migrate")
        {
            await MigrateAsync(app.Services);
        }

        switch (command?.Verb)
        {
            case "migrate":
                Console.WriteLine("Migraciones aplicadas.");
                return 0;
            case "seed-demo":
                return await SeedDemoAsync(app.Services);
            case "import-affiliates":
                return await ImportAsync(app.Services, command.Arguments);
            case CreateAdminCommand.Verb:
                return await CreateAdminAsync(app.Services, command.Arguments);
        }

        if (app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.SeedDemoRegistry)
        {
            await SeedDemoAsync(app.Services);
        }

        await app.RunAsync();
        return 0;
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IessClaveDbContext>().Database.MigrateAsync();
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ImportAffiliatesHandler>()
            .ImportAsync(DemoRegistry.Rows(), skipBadRows: false, CancellationToken.None);
        return report.Errors.Count == 0 ? 0 : 1;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, IReadOnlyList<string> arguments)
    {
        var file = arguments.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            await Console.Error.WriteLineAsync("Uso: import-affiliates ARCHIVO.csv [--skip-bad-rows]  (el archivo no existe)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ImportAffiliatesHandler>();
        await using var stream = File.OpenRead(file);
        var report = await handler.ImportCsvAsync(stream, arguments.Contains("--skip-bad-rows"), CancellationToken.None);
        foreach (var error in report.Errors)
        {
            await Console.Error.WriteLineAsync($"línea {error.Line}, campo {error.Field}: {error.Reason}");
        }

        Console.WriteLine(report.Summary);
        return report.Imported ? 0 : 1;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, IReadOnlyList<string> arguments)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>()
            .RunAsync(arguments, ReadAdminPassword, Console.Out, Console.Error, CancellationToken.None);
    }

    /// <summary>From the environment, else one line of standard input; typed at a terminal, it is not echoed.</summary>
    private static string? ReadAdminPassword()
    {
        if (Environment.GetEnvironmentVariable(CreateAdminCommand.PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("Clave del administrador: ");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
