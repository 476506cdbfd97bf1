// Original file: proto/namenode.proto


export interface Empty {
}

export interface Empty__Output {
}
