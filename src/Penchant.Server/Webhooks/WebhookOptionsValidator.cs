using Microsoft.Extensions.Options;

namespace Penchant.Server.Webhooks;

/// <summary>Validates <see cref="WebhookOptions"/> at start-up (source-generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;
