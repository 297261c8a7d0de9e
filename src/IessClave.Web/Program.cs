using IessClave.Web;

var (command, hostArgs) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddIessClave();
var app = builder.Build();
app.MapIessClave();
return await app.RunIessClaveAsync(command);

public partial class Program;
