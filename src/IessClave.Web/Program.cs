using IessClave.Web;
using IessClave.Web.Infrastructure.Health;

if (args is [HealthProbe.Verb, .. var probeArgs])
{
    return await HealthProbe.RunAsync(probeArgs, Console.Out);
}

var (command, hostArgs) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddIessClave();
var app = builder.Build();
app.MapIessClave();
return await app.RunIessClaveAsync(command);

public partial class Program;
