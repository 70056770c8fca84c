import type { kb as zh } from '../zh/kb.js';

export const kb: Record<keyof typeof zh, string> = {
  'kb.description':
    'Browse regulations, filing kinds, algorithm types, the 31 risks and the standard thresholds (each with its source and confidence)',
  'kb.list.description': 'List knowledge-base entries',
  'kb.list.kindOption': 'only entries of this kind: {kinds}',
  'kb.show.description': 'Show one entry in full with its sources, e.g. beian kb show algorithm-filing',
  'kb.search.description': 'Full-text search in Chinese and English, e.g. beian kb search refusal',
  'kb.notFound': 'No knowledge-base entry "{id}". Try beian kb search.',
  'kb.noResults': 'No entries match "{query}".',
  'kb.header.id': 'id',
  'kb.header.kind': 'kind',
  'kb.header.title': 'title',
  'kb.citations': 'Sources',
  'kb.version': 'Knowledge base version {version}',
  'kb.count': '{n} entries',
  'kb.cannotRead': 'Cannot read knowledge-base file {file}: {reason}',
  'kb.invalid': 'The knowledge base data does not validate.',
  'kb.inconsistent': 'The knowledge base data is inconsistent.',
  'kb.issue.unknownSource': 'unknown citation source "{source}"',
  'kb.issue.missingKinds': 'missing {kinds}',
  'kb.issue.wrongCategory': 'risk is not in category {category}',
  'kb.unknownThreshold': 'Unknown threshold id {id}',
  'kb.unknownKind': 'Unknown filing kind {id}',
  'cite.title': '{title}',
  'cite.ref': ' {ref}',
};
