/** The files `handoff init` writes, as repository-relative path -> content. Pure, so tests can read them. */
export function initialFiles(organization: string, version: string): Record<string, string> {
  return {
    'handoff.config.yaml': configFile(organization),
    'roles/.gitkeep': '',
    'candidates/.gitkeep': '',
    '.handoff/.gitignore': '# Caches handoff rebuilds on demand; never commit them.\ncache/\n',
    '.github/workflows/handoff.yml': workflowFile(version),
  };
}

function configFile(organization: string): string {
  // JSON.stringify of a string is a valid double-quoted YAML scalar, so any name stays data.
  return `# handoff settings for this organisation. "handoff schema config" prints what each key accepts.
organization: ${JSON.stringify(organization)}

# How candidate ids are made: "name" (a slug of the name) or "opaque" (a short random id, when names
# must not appear in paths and history).
ids: name

# The ordered pipeline. "requires" is what must exist before a candidate may be at a stage
# (memo, profile, fit, scorecards); "max_days" is how long a candidate may wait there.
stages:
  - { id: sourced, name: Sourced }
  - { id: recruiter-screen, name: Recruiter screen }
  - { id: hiring-manager-screen, name: Hiring manager screen, requires: [memo, profile] }
  - { id: onsite, name: Onsite, requires: [memo, profile, fit, scorecards], max_days: 14 }
  - { id: offer, name: Offer, requires: [scorecards] }

# Everyone named in any document. roles: recruiter, hiring-manager, interviewer, coordinator.
# Add people with: handoff new person --name "Alex Kim" --email alex.kim@example.com --roles recruiter
people: []

# How often things must happen, so that no candidate is left waiting.
cadence:
  candidate_update_days: 5 # an active candidate hears from the company at least this often
  feedback_due_hours: 24 # a scorecard is due this long after its interview
  decision_days: 10 # from the last interview to a decision

# Restricted fields, and which audience may see which of them. Interviewers see none.
access:
  restricted: [compensation, contact, source.detail, accommodations.details]
  audiences:
    interviewer: []
    hiring-manager: [compensation]
    recruiter: [compensation, contact, source.detail, accommodations.details]

# Neutral-language checks: extra phrases to flag and phrases to allow, on top of the built-in list.
language:
  extra: [] # - { phrase: "rockstar", suggestion: "name the skill you saw" }
  allow: []

# Severity per lint rule: off, warn or error.
lint:
  rules: {}
`;
}

function workflowFile(version: string): string {
  return `# Checks every pull request against the handoff rules and annotates the changed lines.
name: handoff
on:
  pull_request:
permissions:
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the audit trail and --changed need the whole history
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Lint the handoff documents
        run: npx --yes handoff@${version} lint --format github
  review:
    # Posts what the pull request changes in handoff terms (moves, gates, documents, a checklist).
    # Pull requests from forks get a read-only token, so the comment is skipped for them.
    if: github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the review compares the pull request with its base
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Summarise the handoff changes
        run: npx --yes handoff@${version} review --base origin/\${{ github.base_ref }} > review.md
      - name: Post the summary on the pull request
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.number }}
        # Edits the previous summary when there is one, so that each push does not add a comment.
        run: gh pr comment "$PR" --edit-last --body-file review.md || gh pr comment "$PR" --body-file review.md
`;
}
