using Microsoft.Extensions.Options;

namespace Penchant.Deciding;

/// <summary>Validates <see cref="DecidingOptions"/> at start-up (generated from its data annotations).</summary>
[OptionsValidator]
public sealed partial class DecidingOptionsValidator : IValidateOptions<DecidingOptions>
{
}
