/** What a finding says of the node that works, and the wizard's comparison screen. */
export default {
  compareCite: {
    differs: 'Differs from the node that works: {{what}} is {{here}} here, {{there}} there.',
    same: 'The same on the node that works ({{what}}: {{value}}): a setting both nodes share cannot explain why only this one fails.',
  },
  compareUi: {
    title: 'Compared with the node that works',
    good: 'the node that works',
    goodNamed: 'the node that works ({{name}})',
    here: 'this node',
    what: 'What',
    explains: 'a cause this difference explains',
    noise:
      '{{n}} difference(s) of counters, names and addresses left out: any two nodes differ in them.',
    coverage: {
      good: '{{kind}}: pasted for this node only, not compared.',
      bad: '{{kind}}: pasted for the node that works only, not compared.',
    },
    addTitle: 'Compare with a node that works',
    addIntro:
      'Paste the same outputs from a node where it works: what differs is evidence, and what both nodes share cannot be why only this one fails.',
    collect: 'Collect them on the node that works',
    collectIntro:
      'Run this on a node where it works, as root. It only reads, and prints every output with a `==> COMMAND <==` header.',
    name: 'Name or address of the node that works (optional)',
    paste: 'Its outputs (the collector’s, or the same commands’ output one after another)',
    compare: 'Compare',
    remove: 'Remove the node that works',
    read: 'Read from {{name}}:',
    source: '{{step}} (the node that works)',
    stepTitle: 'The same output from a node that works (optional)',
    stepHint:
      'Run the same command on a node where it works and paste its output here: the diagnosis compares the two nodes.',
    stepLabel: 'Output from the node that works',
    keep: 'Keep it for the comparison',
    forget: 'Forget it',
  },
};
