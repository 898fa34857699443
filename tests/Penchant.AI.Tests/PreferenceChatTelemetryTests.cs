using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Penchant.AI.Diagnostics;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.AI;

public sealed class PreferenceChatTelemetryTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Prepare_Span_CarriesContentOnlyWithSensitiveData(bool sensitive)
    {
        // Arrange
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == PreferenceChatTelemetry.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        string user = "tel-" + Guid.NewGuid().ToString("N");
        IPenchant engine = fixture.CreateEngine();
        await engine.RememberAsync(UserKey.Create(UserKey.DefaultTenant, user), new Statement("I have a peanut allergy."), Ct);
        using IChatClient client = new ChatClientBuilder(new TestChatClient()).UsePreferences(engine, c => c.Options.EnableSensitiveData = sensitive).Build();

        // Act (under a parent of its own, so spans of tests running alongside are told apart)
        using var parent = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Give me a satay sauce recipe.")], new ChatOptions { AdditionalProperties = new() { [PreferenceMiddlewareOptions.UserPropertyName] = user } }, Ct);

        // Assert
        Activity span = Assert.Single(spans, a => a.OperationName == "penchant.chat.prepare" && a.TraceId == parent.TraceId);
        Assert.Equal(1, span.GetTagItem("penchant.preferences.selected"));
        Assert.Equal(sensitive, span.GetTagItem("penchant.preferences.block") is string block && block.Contains("peanut", StringComparison.Ordinal));
    }
}
