/**
 * 智能客服: ask a question over the streamed endpoint (server-sent events over a POST, read with
 * fetch because EventSource cannot POST or send the bearer token). `onMeta` gets the sources first,
 * `onDelta` each text piece, and the saved turn is returned at the end.
 */
import type { components } from '../api/schema';
import type { Api } from '../api/client';
import { toFailure } from '../errors';

export type Turn = components['schemas']['TurnOut'];
export type Source = components['schemas']['SourceOut'];
export type Hint = components['schemas']['HintOut'];

export interface AskMeta {
  conversation_id: number;
  mode: string;
  mode_label: string;
  sources: Source[];
  hints: Hint[];
  ask_channels: boolean;
}

export interface AskHandlers {
  onMeta?: (meta: AskMeta) => void;
  onDelta?: (text: string) => void;
}

/** Split an SSE buffer into complete frames; returns the frames and what is left over. */
export function parseFrames(buffer: string): { frames: { event: string; data: string }[]; rest: string } {
  const parts = buffer.split('\n\n');
  const rest = parts.pop() ?? '';
  const frames = parts
    .map((part) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of part.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      return { event, data: data.join('\n') };
    })
    .filter((frame) => frame.data);
  return { frames, rest };
}

export async function askStream(api: Api, question: string, conversationId: number | null, handlers: AskHandlers): Promise<Turn> {
  const send = (access: string | null) =>
    fetch('/api/v1/training/assistant/ask-stream', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...(access ? { Authorization: `Bearer ${access}` } : {}) },
      body: JSON.stringify({ question, conversation_id: conversationId }),
    });
  let access = api.store.get()?.access ?? null;
  let response = await send(access);
  if (response.status === 401) {
    access = await api.fresh(access);
    response = await send(access);
  }
  if (!response.ok || !response.body) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      /* no JSON body */
    }
    throw toFailure(body, response.status);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let turn: Turn | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const { frames, rest } = parseFrames(buffer);
    buffer = rest;
    for (const frame of frames) {
      const data = JSON.parse(frame.data);
      if (frame.event === 'meta') handlers.onMeta?.(data as AskMeta);
      else if (frame.event === 'delta') handlers.onDelta?.((data as { text: string }).text);
      else if (frame.event === 'done') turn = (data as { turn: Turn }).turn;
    }
  }
  if (!turn) throw toFailure({ code: 'INTERNAL_ERROR', message: '回答中断，请重试' }, 500);
  return turn;
}
