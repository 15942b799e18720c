import Testing

/// Groups every localization suite so `swift test --filter Localization`
/// runs them all.
@Suite enum LocalizationTests {}
