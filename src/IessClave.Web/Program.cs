using IessClave.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddIessClave();
var app = builder.Build();
app.MapIessClave();
return await app.RunIessClaveAsync(args);

public partial class Program;
