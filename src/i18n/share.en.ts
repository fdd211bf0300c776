/** The share dialog and what a receiver of a share link sees. */
export default {
  share: {
    open: 'Share',
    title: 'Share this triage',
    intro:
      'Whoever opens the link sees this step, the evidence and the diagnosis, in their own language. Everything travels inside the link, after the #: no server ever sees it.',
    omitRaw: 'Leave the raw output out',
    omitRawHint:
      'The link carries the findings and the evidence lines they rest on, not the whole outputs.',
    redact: 'Redact addresses, host names, MACs and secrets',
    redactHint:
      'Each value gets a stand-in of the same shape, the same in every output and answer (10.0.0.5 → 198.18.0.1, k8s-node03 → node-1), so the diagnosis still reads right.',
    preparing: 'Preparing the link…',
    failed: 'The link could not be made: {{error}}',
    link: 'Link to share',
    length: '{{n}} characters',
    lengthOk: 'Short enough for common chat tools.',
    tooLong:
      'Longer than 2,000 characters: some chat tools and bots cut or refuse links this long (WeCom bot messages take 2,048 bytes; Slack asks for messages under 4,000 characters). Leave the raw output out to shorten it, or export the diagnosis as Markdown.',
    copy: 'Copy link',
    close: 'Close',
    sees: {
      title: 'What the receiver will see',
      where: '{{tree}}, at the step “{{step}}”',
      answers: 'your {{n}} answer(s)',
      outputs: 'the {{n}} output(s) you pasted, whole, read again in their browser',
      omitted:
        'the path and the diagnosis ({{n}} finding(s)) with the evidence lines, not the raw output',
      redacted: 'addresses, host names and secrets as stand-ins, said so on their page',
      walks: 'the {{n}} packet(s) you walked through the rules, walked again on their page',
      good: 'the node that works ({{name}}): its {{n}} output(s), compared again on their page',
      goodOmitted: 'the name of the node that works ({{name}}), not its outputs',
    },
    preview: 'Exactly what the link carries',
    previewCut:
      'Shown here: the first {{n}} of its {{total}} characters (the link carries them all).',
    replaced: 'Replaced values ({{count}}), shown only to you, never in the link',
    replacedNone: 'Nothing to replace was found.',
    replacedMore: '… and {{n}} more.',
    from: 'Original',
    to: 'Stand-in',
    received: {
      title: 'Shared triage',
      readOnly:
        'Opened from a shared link. This is what the sender saw; nothing here changes your own work.',
      omitted:
        'The sender left the raw output out: you see the findings and the evidence lines they rest on.',
      redacted:
        'Addresses, host names and secrets were replaced by stand-ins (198.18.x.y, node-N, host-N.example) before sharing.',
      redactedWork:
        'This triage came from a redacted link: addresses, host names and secrets in it (198.18.x.y, node-N, host-N.example) are stand-ins, not real values. Put the real ones in before you run a command.',
      conflict:
        'You have work of your own in progress on this symptom. Opening the shared triage in the wizard replaces it.',
      adopt: 'Continue in the wizard',
      adoptReplace: 'Replace my work with the shared triage',
      keepMine: 'Back to my own work',
      start: 'Go to the start page',
      steps: 'The path taken',
      notYet: 'not answered yet',
      outputOmitted: 'output left out',
      skipped: 'skipped',
      autoSkipped: 'already answered by earlier evidence',
      atStep: 'The sender is at this step',
      opening: 'Opening the shared triage…',
    },
    error: {
      title: 'This share link cannot be opened',
      empty: 'The link holds no triage: it ends right after “#/share/”.',
      corrupt:
        'The link is incomplete or damaged; chat tools often cut long links. Ask the sender to copy it again, or to leave the raw output out so that it is shorter.',
      version:
        'This link was made by another version of net-triage ({{version}}), which this page cannot read. Ask the sender for a new link, or open it with the version that made it.',
      tooLarge: 'The link is too large to open.',
      invalid:
        'The link does not describe a triage this version of net-triage knows. Ask the sender for a new link.',
      safe: 'Nothing was changed: your own work in progress is kept.',
    },
  },
};
