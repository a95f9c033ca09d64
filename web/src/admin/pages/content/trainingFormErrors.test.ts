import { describe, expect, it } from 'vitest';
import { ApiFailure } from '@/shared/errors';
import { trainingFieldErrors } from './trainingFormErrors';

const failure = (fields: Record<string, string>) => new ApiFailure({ code: 'VALIDATION_ERROR', status: 422, message: '提交的数据有误', details: { fields } });

describe('trainingFieldErrors', () => {
  it('puts a taken slug on the 标识 field', () => {
    expect(trainingFieldErrors(failure({ slug: '标识已被使用，请换一个' }), 'cover')).toEqual([{ name: 'slug', errors: ['标识已被使用，请换一个'] }]);
  });

  it('puts a refused upload on the form’s own upload field', () => {
    expect(trainingFieldErrors(failure({ file: '请上传 MP4 或 WebM 格式的视频' }), 'video_file')).toEqual([{ name: 'video_file', errors: ['请上传 MP4 或 WebM 格式的视频'] }]);
  });

  it('leaves form-wide errors and network failures to the toast', () => {
    expect(trainingFieldErrors(failure({ _: '请求体不是合法的 JSON' }), 'cover')).toEqual([]);
    expect(trainingFieldErrors(new TypeError('Failed to fetch'), 'cover')).toEqual([]);
  });
});
