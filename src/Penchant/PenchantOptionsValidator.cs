using Microsoft.Extensions.Options;

namespace Penchant;

/// <summary>Validates <see cref="PenchantOptions"/> at start-up (generated from its data annotations).</summary>
[OptionsValidator]
public sealed partial class PenchantOptionsValidator : IValidateOptions<PenchantOptions>
{
}
