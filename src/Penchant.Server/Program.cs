using Penchant.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddPenchantServer();

var app = builder.Build();
app.MapPenchantServer();

await app.RunAsync();

/// <summary>The service's entry point; public and partial so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
