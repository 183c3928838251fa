// The shipped course, loaded and validated once at server start (an invalid module stops the start).
import { config } from '../platform/config';
import { loadCourse, type Course } from './index';

let course: Course | undefined;

export function loadShippedCourse(dir = config.modulesDir): Course {
	course = loadCourse(dir);
	return course;
}

export function getCourse(): Course {
	course ??= loadCourse(config.modulesDir);
	return course;
}
