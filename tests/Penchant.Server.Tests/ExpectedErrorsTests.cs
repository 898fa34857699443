using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Storage;

namespace Penchant.Server;

/// <summary>The shared handler plumbing answers a lost write race (<see cref="ConcurrencyException"/>) as 409 <c>conflict</c> on every area's routes.</summary>
public sealed class ExpectedErrorsTests
{
    private const string Message = "The user's event log moved on while the change was computed; retry.";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/v1/users/alice/preferences", null)]
    [InlineData("POST", "/v1/users/alice/statements", """{"text": "I like tea."}""")]
    [InlineData("POST", "/v1/users/alice/comparisons", """{"context": "c", "preferred": "a", "rejected": "b"}""")]
    [InlineData("POST", "/v1/users/alice/rank", """{"text": "t", "candidates": ["a"]}""")]
    public async Task EngineThrowsConcurrencyException_Answers409Conflict(string method, string path, string? body)
    {
        await using var factory = new RacingServerFactory();
        HttpClient client = await factory.CreateTenantClientAsync("racing", Cancellation);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };

        HttpResponseMessage response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        JsonElement root = problem.RootElement;
        Assert.Equal(409, root.GetProperty("status").GetInt32());
        Assert.Equal("Conflict", root.GetProperty("title").GetString());
        Assert.Equal(Message, root.GetProperty("detail").GetString());
        Assert.Equal(ApiProblems.Conflict, root.GetProperty("errorCode").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.10", root.GetProperty("type").GetString());
    }

    /// <summary>The service over an engine whose every call loses a write race.</summary>
    private sealed class RacingServerFactory : PenchantServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(static services => services.AddSingleton(DispatchProxy.Create<IPenchant, RacingEngine>()));
        }
    }

    /// <summary>An engine that throws <see cref="ConcurrencyException"/> from every method.</summary>
    public class RacingEngine : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new ConcurrencyException(Message);
    }
}
